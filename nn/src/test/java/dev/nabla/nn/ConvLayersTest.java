package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The convolution and pooling layers: parameters, PyTorch's initialization and printing, forward, and errors. */
class ConvLayersTest {

    @Test
    void layersPrintAsPyTorchDoes() {
        assertEquals("Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1))", new Conv2d(1, 32, 3).toString());
        assertEquals("Conv2d(16, 33, kernel_size=(3, 5), stride=(2, 1), padding=(4, 2), dilation=(3, 1), bias=False)",
                new Conv2d(16, 33, new int[] {3, 5}, new int[] {2, 1}, new int[] {4, 2}, new int[] {3, 1}, 1, false)
                        .toString());
        assertEquals("Conv2d(4, 8, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), groups=2)",
                new Conv2d(4, 8, 3, 2, 1, 1, 2, true).toString());
        assertEquals("Conv1d(4, 8, kernel_size=(3,), stride=(1,))", new Conv1d(4, 8, 3).toString());
        assertEquals("Conv1d(4, 8, kernel_size=(5,), stride=(2,), padding=(1,), dilation=(2,), groups=4, bias=False)",
                new Conv1d(4, 8, 5, 2, 1, 2, 4, false).toString());
        assertEquals("ConvTranspose2d(16, 33, kernel_size=(3, 3), stride=(2, 2), output_padding=(1, 1))",
                new ConvTranspose2d(16, 33, 3, 2, 0, 1, 1, true, 1).toString());
        assertEquals("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                new MaxPool2d(2).toString());
        assertEquals("MaxPool2d(kernel_size=(3, 2), stride=(3, 2), padding=(1, 1), dilation=(1, 1), ceil_mode=True)",
                new MaxPool2d(new int[] {3, 2}, null, new int[] {1, 1}, new int[] {1, 1}, true).toString());
        assertEquals("AvgPool2d(kernel_size=3, stride=2, padding=1)", new AvgPool2d(3, 2, 1).toString());
        assertEquals("AdaptiveAvgPool2d(output_size=(5, 7))", new AdaptiveAvgPool2d(new int[] {5, 7}).toString());
        assertEquals("AdaptiveAvgPool2d(output_size=1)", new AdaptiveAvgPool2d(1).toString());
        Sequential cnn = new Sequential(new Conv2d(1, 32, 3), new MaxPool2d(2));
        assertEquals("Sequential(\n  (0): Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1))\n"
                + "  (1): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)\n)", cnn.toString());
    }

    @Test
    void parametersHavePyTorchsShapesAndNames() {
        Conv2d conv = new Conv2d(4, 6, 3, 1, 0, 1, 2, true);
        assertEquals(List.of("weight", "bias"), List.copyOf(conv.namedParameters().keySet()));
        assertArrayEquals(new int[] {6, 2, 3, 3}, conv.weight().shape());
        assertArrayEquals(new int[] {6}, conv.bias().shape());
        assertArrayEquals(new int[] {8, 4, 5}, new Conv1d(4, 8, 5).weight().shape());
        ConvTranspose2d up = new ConvTranspose2d(6, 4, 3, 2, 1, 1, 2, false, 1);
        assertArrayEquals(new int[] {6, 2, 3, 3}, up.weight().shape());
        assertNull(up.bias());
        assertEquals(List.of("weight"), List.copyOf(up.stateDict().keySet()));
        assertTrue(new MaxPool2d(2).parameters().isEmpty());
    }

    @Test
    void initializationDrawsWeightThenBiasFromTheDefaultGeneratorWithinOneOverSqrtFanIn() {
        Nabla.manualSeed(1234);
        Conv2d conv = new Conv2d(3, 5, new int[] {2, 3}, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 1, true);
        Generator replay = new Generator(1234);
        double bound = 1 / Math.sqrt(3 * 2 * 3);
        Tensor w = Nabla.empty(5, 3, 2, 3).uniform_(-bound, bound, replay);
        Tensor b = Nabla.empty(5).uniform_(-bound, bound, replay);
        assertArrayEquals(w.toDoubleArray(), conv.weight().toDoubleArray(), 1e-6);
        assertArrayEquals(b.toDoubleArray(), conv.bias().toDoubleArray(), 1e-6);
        // Transposed: fan_in is weight.size(1) * taps = (out / groups) * kh * kw.
        Nabla.manualSeed(99);
        ConvTranspose2d up = new ConvTranspose2d(4, 6, 3, 1, 0, 0, 2, true, 1);
        Generator again = new Generator(99);
        double upBound = 1 / Math.sqrt(3 * 3 * 3);
        assertArrayEquals(Nabla.empty(4, 3, 3, 3).uniform_(-upBound, upBound, again).toDoubleArray(),
                up.weight().toDoubleArray(), 1e-6);
        assertArrayEquals(Nabla.empty(6).uniform_(-upBound, upBound, again).toDoubleArray(), up.bias().toDoubleArray(),
                1e-6);
        assertTrue(conv.weight().requiresGrad() && conv.weight().isLeaf());
    }

    @Test
    void theMnistCnnRunsForwardAndBackward() {
        Nabla.manualSeed(7);
        Sequential cnn = new Sequential(new Conv2d(1, 8, 3), new MaxPool2d(2), new Conv2d(8, 4, 3, 1, 1),
                new AvgPool2d(2), new AdaptiveAvgPool2d(1));
        Tensor x = Nabla.rand(2, 1, 12, 12);
        Tensor y = cnn.forward(x);
        assertArrayEquals(new int[] {2, 4, 1, 1}, y.shape());
        y.sum().backward();
        for (var p : cnn.namedParameters().entrySet()) {
            assertArrayEquals(p.getValue().shape(), p.getValue().grad().shape(), p.getKey());
        }
        Conv2d conv = (Conv2d) cnn.get(0);
        assertArrayEquals(Functional.conv2d(x, conv.weight(), conv.bias()).toDoubleArray(),
                conv.forward(x).toDoubleArray());
        cnn.to(DType.FLOAT64);
        assertEquals(DType.FLOAT64, cnn.forward(x.to(DType.FLOAT64)).dtype());
    }

    @Test
    void layerSettingsAreChecked() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Conv2d(3, 4, 3, 1, 0, 1, 2, true))
                .getMessage().contains("in_channels (3) must be divisible by groups (2)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Conv2d(4, 3, 3, 1, 0, 1, 2, true))
                .getMessage().contains("out_channels (3) must be divisible by groups (2)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Conv1d(4, 4, 0))
                .getMessage().contains("Conv1d: kernel_size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Conv2d(4, 4, 3, 1, 0, 1, 0, true))
                .getMessage().contains("groups"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new MaxPool2d(new int[] {2}, null, new int[] {0, 0}, new int[] {1, 1}, false))
                .getMessage().contains("MaxPool2d: expected kernel_size to have 2 values"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Conv2d(1, 2, 3).forward(Nabla.zeros(1, 3, 5, 5)))
                .getMessage().contains("conv2d"));
    }
}
