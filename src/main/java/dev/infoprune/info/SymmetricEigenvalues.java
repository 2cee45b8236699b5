package dev.infoprune.info;

/** Eigenvalues of dense symmetric matrices, for the stages that need a spectrum of their own (Rényi pruning). */
public final class SymmetricEigenvalues {
    private SymmetricEigenvalues() {
    }

    /**
     * The eigenvalues, ascending, of the symmetric n × n matrix whose row-major upper triangle is given (left
     * unchanged), in double precision by LAPACK's blocked tridiagonal reduction and root-free QR
     * ({@code dsytrd} + {@code dsterf}).
     */
    public static double[] of(double[] symmetric, int n) {
        if (symmetric.length != (long) n * n) {
            throw new IllegalArgumentException("expected " + n + " × " + n + " values, got " + symmetric.length);
        }
        return NativeLinearAlgebra.eigenvalues(symmetric, n);
    }
}
