package io.rankexec.mpi;

import io.rankexec.core.cli.EngineProvider;
import java.io.PrintStream;

/** A command-line program that runs on whatever engine it is given (CliApp::run has this shape). */
@FunctionalInterface
public interface Program {
    int run(String[] args, EngineProvider engines, PrintStream out, PrintStream err);
}
