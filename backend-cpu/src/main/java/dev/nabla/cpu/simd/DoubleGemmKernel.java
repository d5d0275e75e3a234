package dev.nabla.cpu.simd;

/**
 * The replaceable inner part of a blocked double matrix product: how a kc × nc block of B is packed into a panel
 * and how rows of A are multiplied against it. The driver (dev.nabla.cpu.DoubleGemm) owns the loops and threads.
 * Template: FloatGemmKernel is generated from this file by FloatKernelsGenerator.
 */
public interface DoubleGemmKernel {
    /** Depth of a B panel; fixed per kernel so that the summation order never depends on the thread count. */
    int kc();

    /** Width of a B panel. */
    int nc();

    /** The most rows of A that one {@link #multiply} call takes. */
    int mc();

    /** Row granularity: the driver splits M at multiples of it. */
    int mr();

    /** Column granularity: the driver splits panel columns at multiples of it. */
    int nr();

    /**
     * The calling thread's panel number {@code index} (a product may pack several depth blocks of B side by side),
     * with room for {@code kc × nc} at least; reused from call to call.
     */
    double[][] panel(int index, int kc, int nc);

    /** Packs columns [j0, j1) of the kc-row block of B whose element (0, 0) is {@code b[bo]} into the panel. */
    void packB(double[][] panel, int kc, int j0, int j1, double[] b, int bo, int brs, int bcs);

    /**
     * {@code C[0:rows, j0:j1] = A[0:rows, 0:kc] · panel[0:kc, j0:j1]}, or {@code +=} when {@code accumulate},
     * where A's element (0, 0) is {@code a[ao]} and C's element (0, 0) (panel column 0) is {@code c[co]}.
     */
    void multiply(double[][] panel, int kc, int j0, int j1, double[] a, int ao, int ars, int acs, int rows,
                  double[] c, int co, int crs, int ccs, boolean accumulate);
}
