package dev.nabla;

/** The element types a tensor can hold, with PyTorch's names and promotion order. */
public enum DType {
    /** 1-byte boolean; prints as {@code torch.bool}. */
    BOOL("bool", 1, Category.BOOL),
    /** 32-bit signed integer ({@code torch.int32}). */
    INT32("int32", 4, Category.INTEGRAL),
    /** 64-bit signed integer ({@code torch.int64}, PyTorch's {@code long}). */
    INT64("int64", 8, Category.INTEGRAL),
    /** 32-bit IEEE float, the default dtype ({@code torch.float32}). */
    FLOAT32("float32", 4, Category.FLOATING),
    /** 64-bit IEEE float ({@code torch.float64}, PyTorch's {@code double}). */
    FLOAT64("float64", 8, Category.FLOATING);

    /** Kinds of dtype ordered as PyTorch's type promotion orders them: bool, then integers, then floats. */
    public enum Category { BOOL, INTEGRAL, FLOATING }

    private final String torchName;
    private final int itemSize;
    private final Category category;

    DType(String torchName, int itemSize, Category category) {
        this.torchName = torchName;
        this.itemSize = itemSize;
        this.category = category;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /**
     * A zeroed Java array of {@code length} elements of the type that holds this dtype (float[], double[], int[],
     * long[] or boolean[]), as backends and readers keep host data.
     */
    public Object newArray(int length) {
        return switch (this) {
            case FLOAT32 -> new float[length];
            case FLOAT64 -> new double[length];
            case INT32 -> new int[length];
            case INT64 -> new long[length];
            case BOOL -> new boolean[length];
        };
    }

    /** Bool, integral or floating. */
    public Category category() {
        return category;
    }

    /** True for FLOAT32 and FLOAT64. */
    public boolean isFloatingPoint() {
        return category == Category.FLOATING;
    }

    /** True for INT32 and INT64 (not BOOL), as PyTorch's {@code is_integral(include_bool=False)}. */
    public boolean isIntegral() {
        return category == Category.INTEGRAL;
    }

    /** The name PyTorch prints, e.g. {@code torch.int64}. */
    public String torchName() {
        return "torch." + torchName;
    }

    /** PyTorch's {@code promote_types}: the smallest dtype both values fit in without changing category. */
    public static DType promote(DType a, DType b) {
        if (a == b) return a;
        if (a.category != b.category) return a.category.compareTo(b.category) > 0 ? a : b;
        return a.itemSize >= b.itemSize ? a : b;
    }

    @Override
    public String toString() {
        return torchName();
    }
}
