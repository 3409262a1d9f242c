package io.rankexec.kernels.cli;

import io.rankexec.core.job.Engine;
import io.rankexec.kernels.dice.Craps;
import io.rankexec.kernels.dice.DiceKernel;
import io.rankexec.core.job.JobSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dice", mixinStandardHelpOptions = true,
        description = "Craps (the seed's playDice): wins out of N games; exact p(win) = 244/495.")
final class DiceCommand extends KernelCommand {

    @Option(names = "--games", paramLabel = "N", description = "Games to play (default: ${DEFAULT-VALUE}).")
    long games = 10_000;

    @Option(names = "--games-per-task", paramLabel = "N", description = "Games per task (default: ${DEFAULT-VALUE}, as rxExec's timesToRun).")
    int gamesPerTask = 1;

    @Override
    void prepare() {
        atLeast("--games", games, 1);
        atLeast("--games-per-task", gamesPerTask, 1);
        // more than 2^31 tasks is refused by DiceKernel ("... raise games-per-task")
    }

    @Override
    void execute(Engine engine, JobSettings settings) {
        DiceKernel.Result r = DiceKernel.run(engine, games, gamesPerTask, settings);
        out().println(fmt("dice games=%d wins=%d losses=%d p(win)=%.6f ± %.6f exact=%.6f %s", r.games(), r.wins(),
                r.losses(), r.winRate(), r.standardError(), Craps.WIN_PROBABILITY, provenance(settings)));
    }
}
