package dev.nabla.nn;

import dev.nabla.Generator;
import dev.nabla.NoGrad;
import dev.nabla.Tensor;

import java.util.Set;

/**
 * PyTorch's {@code torch.nn.init}: in-place initializers for weights, run without recording gradients. Random ones
 * draw from the given {@link Generator}, or the default one, so a seed fixes the result.
 */
public final class Init {
    private static final Set<String> UNIT_GAIN = Set.of("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d",
            "conv_transpose2d", "conv_transpose3d", "sigmoid");

    private Init() {
    }

    // ---------------------------------------------------------------- gains and fans

    /** The recommended gain for {@code nonlinearity} ({@code "relu"}, {@code "tanh"}, ...), with no parameter. */
    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, null);
    }

    /**
     * The recommended gain for {@code nonlinearity}: 1 for linear, convolutions and sigmoid, 5/3 for tanh, sqrt(2)
     * for relu, sqrt(2 / (1 + slope^2)) for leaky_relu ({@code param} is the slope, 0.01 when null), 3/4 for selu.
     */
    public static double calculateGain(String nonlinearity, Double param) {
        if (UNIT_GAIN.contains(nonlinearity)) return 1.0;
        switch (String.valueOf(nonlinearity)) {
            case "tanh":
                return 5.0 / 3;
            case "relu":
                return Math.sqrt(2.0);
            case "leaky_relu":
                double slope = param == null ? 0.01 : param;
                if (!Double.isFinite(slope)) {
                    throw new IllegalArgumentException("calculateGain: negative_slope " + slope + " not a valid number");
                }
                return Math.sqrt(2.0 / (1 + slope * slope));
            case "selu":
                return 3.0 / 4;
            default:
                throw new IllegalArgumentException("calculateGain: unsupported nonlinearity '" + nonlinearity
                        + "'; expected one of linear, conv1d, conv2d, conv3d, conv_transpose1d, conv_transpose2d, "
                        + "conv_transpose3d, sigmoid, tanh, relu, leaky_relu, selu");
        }
    }

    /**
     * {@code {fanIn, fanOut}} of a weight of shape {@code [out, in, *kernel]}: {@code in} and {@code out} times the
     * receptive field size (the product of the kernel dims, 1 for a linear weight).
     */
    public static int[] calculateFanInAndFanOut(Tensor tensor) {
        if (tensor.dim() < 2) {
            throw new IllegalArgumentException("calculateFanInAndFanOut: fan in and fan out can not be computed for a "
                    + "tensor with fewer than 2 dimensions, got shape " + java.util.Arrays.toString(tensor.shape()));
        }
        int receptiveField = 1;
        for (int d = 2; d < tensor.dim(); d++) receptiveField *= tensor.size(d);
        return new int[] {tensor.size(1) * receptiveField, tensor.size(0) * receptiveField};
    }

    private static int fan(String op, Tensor tensor, String mode) {
        int[] fans = calculateFanInAndFanOut(tensor);
        switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "fan_in":
                return fans[0];
            case "fan_out":
                return fans[1];
            default:
                throw new IllegalArgumentException(op + ": mode '" + mode + "' not supported, please use one of "
                        + "fan_in, fan_out");
        }
    }

    // ---------------------------------------------------------------- plain fills

    /** Fills with U(0, 1); returns the tensor. */
    public static Tensor uniform_(Tensor tensor) {
        return uniform_(tensor, 0, 1);
    }

    /** Fills with U(a, b) from the default generator; returns the tensor. */
    public static Tensor uniform_(Tensor tensor, double a, double b) {
        return uniform_(tensor, a, b, Generator.defaultGenerator());
    }

    /** Fills with U(a, b) from {@code generator}; returns the tensor. */
    public static Tensor uniform_(Tensor tensor, double a, double b, Generator generator) {
        try (NoGrad g = NoGrad.enter()) {
            return tensor.uniform_(a, b, generator);
        }
    }

    /** Fills with N(0, 1); returns the tensor. */
    public static Tensor normal_(Tensor tensor) {
        return normal_(tensor, 0, 1);
    }

    /** Fills with N(mean, std^2) from the default generator; returns the tensor. */
    public static Tensor normal_(Tensor tensor, double mean, double std) {
        return normal_(tensor, mean, std, Generator.defaultGenerator());
    }

    /** Fills with N(mean, std^2) from {@code generator}; returns the tensor. */
    public static Tensor normal_(Tensor tensor, double mean, double std, Generator generator) {
        try (NoGrad g = NoGrad.enter()) {
            return tensor.normal_(mean, std, generator);
        }
    }

    /** Fills with {@code value}; returns the tensor. */
    public static Tensor constant_(Tensor tensor, double value) {
        try (NoGrad g = NoGrad.enter()) {
            return tensor.fill_(value);
        }
    }

    /** Fills with 0; returns the tensor. */
    public static Tensor zeros_(Tensor tensor) {
        return constant_(tensor, 0);
    }

    /** Fills with 1; returns the tensor. */
    public static Tensor ones_(Tensor tensor) {
        return constant_(tensor, 1);
    }

    // ---------------------------------------------------------------- Glorot (Xavier)

    /** Xavier/Glorot uniform with gain 1; returns the tensor. */
    public static Tensor xavierUniform_(Tensor tensor) {
        return xavierUniform_(tensor, 1.0);
    }

    /** Xavier/Glorot uniform from the default generator; returns the tensor. */
    public static Tensor xavierUniform_(Tensor tensor, double gain) {
        return xavierUniform_(tensor, gain, Generator.defaultGenerator());
    }

    /** Fills with U(-a, a), {@code a = gain * sqrt(6 / (fanIn + fanOut))}; returns the tensor. */
    public static Tensor xavierUniform_(Tensor tensor, double gain, Generator generator) {
        double bound = Math.sqrt(3.0) * xavierStd(tensor, gain);
        return uniform_(tensor, -bound, bound, generator);
    }

    /** Xavier/Glorot normal with gain 1; returns the tensor. */
    public static Tensor xavierNormal_(Tensor tensor) {
        return xavierNormal_(tensor, 1.0);
    }

    /** Xavier/Glorot normal from the default generator; returns the tensor. */
    public static Tensor xavierNormal_(Tensor tensor, double gain) {
        return xavierNormal_(tensor, gain, Generator.defaultGenerator());
    }

    /** Fills with N(0, std^2), {@code std = gain * sqrt(2 / (fanIn + fanOut))}; returns the tensor. */
    public static Tensor xavierNormal_(Tensor tensor, double gain, Generator generator) {
        return normal_(tensor, 0, xavierStd(tensor, gain), generator);
    }

    private static double xavierStd(Tensor tensor, double gain) {
        int[] fans = calculateFanInAndFanOut(tensor);
        return gain * Math.sqrt(2.0 / (fans[0] + fans[1]));
    }

    // ---------------------------------------------------------------- He (Kaiming)

    /** Kaiming/He uniform with a = 0, fan_in, leaky_relu (so gain sqrt(2)); returns the tensor. */
    public static Tensor kaimingUniform_(Tensor tensor) {
        return kaimingUniform_(tensor, 0, "fan_in", "leaky_relu");
    }

    /** Kaiming/He uniform from the default generator; returns the tensor. */
    public static Tensor kaimingUniform_(Tensor tensor, double a, String mode, String nonlinearity) {
        return kaimingUniform_(tensor, a, mode, nonlinearity, Generator.defaultGenerator());
    }

    /**
     * Fills with U(-b, b), {@code b = sqrt(3) * gain / sqrt(fan)}, where the gain is {@code calculateGain(nonlinearity,
     * a)} and the fan is chosen by {@code mode} ("fan_in" or "fan_out"); returns the tensor.
     */
    public static Tensor kaimingUniform_(Tensor tensor, double a, String mode, String nonlinearity, Generator generator) {
        if (tensor.numel() == 0) return tensor; // PyTorch only warns: there is nothing to fill
        double bound = Math.sqrt(3.0) * kaimingStd("kaimingUniform_", tensor, a, mode, nonlinearity);
        return uniform_(tensor, -bound, bound, generator);
    }

    /**
     * The default initialization of PyTorch's Linear and convolution layers, from the default generator in this
     * order: weight from kaiming_uniform(a = sqrt(5)), i.e. U(±1/sqrt(fan_in)), then bias (if any) from
     * U(±1/sqrt(fan_in)), 0 when fan_in is 0.
     */
    static void defaultLayerInit(Tensor weight, Tensor bias) {
        kaimingUniform_(weight, Math.sqrt(5), "fan_in", "leaky_relu");
        if (bias != null) {
            int fanIn = calculateFanInAndFanOut(weight)[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            uniform_(bias, -bound, bound);
        }
    }

    /** Kaiming/He normal with a = 0, fan_in, leaky_relu; returns the tensor. */
    public static Tensor kaimingNormal_(Tensor tensor) {
        return kaimingNormal_(tensor, 0, "fan_in", "leaky_relu");
    }

    /** Kaiming/He normal from the default generator; returns the tensor. */
    public static Tensor kaimingNormal_(Tensor tensor, double a, String mode, String nonlinearity) {
        return kaimingNormal_(tensor, a, mode, nonlinearity, Generator.defaultGenerator());
    }

    /** Fills with N(0, std^2), {@code std = gain / sqrt(fan)}, gain and fan as in kaimingUniform_; returns the tensor. */
    public static Tensor kaimingNormal_(Tensor tensor, double a, String mode, String nonlinearity, Generator generator) {
        if (tensor.numel() == 0) return tensor;
        return normal_(tensor, 0, kaimingStd("kaimingNormal_", tensor, a, mode, nonlinearity), generator);
    }

    private static double kaimingStd(String op, Tensor tensor, double a, String mode, String nonlinearity) {
        return calculateGain(nonlinearity, a) / Math.sqrt(fan(op, tensor, mode));
    }
}
