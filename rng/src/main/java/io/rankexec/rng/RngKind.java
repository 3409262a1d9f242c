package io.rankexec.rng;

/** The basic generators rankexec offers; each names a family of independent streams. */
public enum RngKind {
    /** Intel MKL's VSL_BRNG_MT2203: 6024 Mersenne Twisters with distinct parameters. */
    MT2203,
    /** L'Ecuyer's MRG32k3a (MKL VSL_BRNG_MRG32K3A, R's "L'Ecuyer-CMRG"): streams 2^127 apart. */
    MRG32K3A
}
