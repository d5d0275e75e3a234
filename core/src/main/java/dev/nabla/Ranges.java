package dev.nabla;

/** Element counts of {@code arange} (end excluded) and old {@code range} (end included), with PyTorch's checks. */
final class Ranges {
    private Ranges() {
    }

    static int count(String op, double start, double end, double step, boolean inclusive) {
        if (step == 0) throw new IllegalArgumentException(op + ": step must be nonzero");
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException(op + ": unsupported range " + start + " -> " + end + ": bounds must be finite");
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new IllegalArgumentException(op + ": upper bound and larger bound inconsistent with step sign (start "
                    + start + ", end " + end + ", step " + step + ")");
        }
        double n = inclusive ? Math.floor((end - start) / step) + 1 : Math.ceil((end - start) / step);
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException(op + ": " + n + " elements are too many for a tensor");
        return (int) n;
    }
}
