/*
 * MKL 2020 takes its optimized code paths only on CPUs it identifies as Intel; on AMD it runs
 * generic code. LD_PRELOADing this shim makes it take the path an Intel CPU with the same vector
 * extensions gets (what MKL users on Intel clusters see). bench/mkl/run.sh measures both.
 */
int mkl_serv_intel_cpu_true(void) { return 1; }
