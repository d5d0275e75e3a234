package dev.nabla.nn;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code toString()} of layers and models, against what PyTorch's {@code print(model)} shows. */
class PrintingTest {

    @Test
    void layersPrintTheirSettingsAsPyTorch() {
        assertEquals("Linear(in_features=4, out_features=3, bias=True)", new Linear(4, 3).toString());
        assertEquals("Linear(in_features=4, out_features=3, bias=False)", new Linear(4, 3, false).toString());
        assertEquals("ReLU()", new ReLU().toString());
        assertEquals("LeakyReLU(negative_slope=0.01)", new LeakyReLU().toString());
        assertEquals("LeakyReLU(negative_slope=0.2)", new LeakyReLU(0.2).toString());
        assertEquals("GELU(approximate='none')", new GELU().toString());
        assertEquals("GELU(approximate='tanh')", new GELU("tanh").toString());
        assertEquals("SiLU()", new SiLU().toString());
        assertEquals("Sigmoid()", new Sigmoid().toString());
        assertEquals("Tanh()", new Tanh().toString());
        assertEquals("Softmax(dim=1)", new Softmax(1).toString());
        assertEquals("LogSoftmax(dim=-1)", new LogSoftmax(-1).toString());
        assertEquals("Dropout(p=0.5, inplace=False)", new Dropout().toString());
        assertEquals("Dropout(p=0.1, inplace=False)", new Dropout(0.1).toString());
        assertEquals("Embedding(10, 3)", new Embedding(10, 3).toString());
        assertEquals("Embedding(10, 3, padding_idx=9)", new Embedding(10, 3, -1).toString());
        assertEquals("Flatten(start_dim=1, end_dim=-1)", new Flatten().toString());
        assertEquals("Identity()", new Identity().toString());
        assertEquals("BatchNorm2d(16, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
                new BatchNorm2d(16).toString());
        assertEquals("BatchNorm1d(4, eps=0.001, momentum=None, affine=False, track_running_stats=False)",
                new BatchNorm1d(4, 1e-3, null, false, false).toString());
        assertEquals("LayerNorm((4,), eps=1e-05, elementwise_affine=True)", new LayerNorm(4).toString());
        assertEquals("LayerNorm((2, 3), eps=1e-06, elementwise_affine=False)",
                new LayerNorm(new int[] {2, 3}, 1e-6, false).toString());
        assertEquals("GroupNorm(2, 4, eps=1e-05, affine=True)", new GroupNorm(2, 4).toString());
    }

    static final class Classifier extends Module {
        final Sequential features = registerModule("features", new Sequential(new Flatten(), new Linear(4, 8),
                new BatchNorm1d(8), new ReLU(), new Dropout(0.25)));
        final Linear out = registerModule("out", new Linear(8, 2, false));

        @Override
        public Tensor forward(Tensor... inputs) {
            return out.forward(features.forward(inputs));
        }
    }

    @Test
    void nestedModelsIndentEachLevelByTwoSpaces() {
        assertEquals("Classifier(\n"
                + "  (features): Sequential(\n"
                + "    (0): Flatten(start_dim=1, end_dim=-1)\n"
                + "    (1): Linear(in_features=4, out_features=8, bias=True)\n"
                + "    (2): BatchNorm1d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n"
                + "    (3): ReLU()\n"
                + "    (4): Dropout(p=0.25, inplace=False)\n"
                + "  )\n"
                + "  (out): Linear(in_features=8, out_features=2, bias=False)\n"
                + ")", new Classifier().toString());
    }

    @Test
    void extraReprLinesComeBeforeChildren() {
        class Scaled extends Module {
            Scaled() {
                registerModule("inner", new Sequential(new Tanh()));
            }

            @Override
            public Tensor forward(Tensor... inputs) {
                return inputs[0];
            }

            @Override
            protected String extraRepr() {
                return "scale=2.0\nshift=0";
            }
        }
        assertEquals("Scaled(\n  scale=2.0\n  shift=0\n  (inner): Sequential(\n    (0): Tanh()\n  )\n)",
                new Scaled().toString());
    }

    @Test
    void moduleListCollapsesRunsOfModulesThatPrintAlike() {
        ModuleList list = new ModuleList(new Linear(2, 2), new Linear(2, 2), new Linear(2, 2), new ReLU(),
                new Linear(2, 2));
        assertEquals("ModuleList(\n"
                + "  (0-2): 3 x Linear(in_features=2, out_features=2, bias=True)\n"
                + "  (3): ReLU()\n"
                + "  (4): Linear(in_features=2, out_features=2, bias=True)\n"
                + ")", list.toString());
        ModuleList blocks = new ModuleList(new Sequential(new Linear(2, 2), new GELU()),
                new Sequential(new Linear(2, 2), new GELU()));
        assertEquals("ModuleList(\n"
                + "  (0-1): 2 x Sequential(\n"
                + "    (0): Linear(in_features=2, out_features=2, bias=True)\n"
                + "    (1): GELU(approximate='none')\n"
                + "  )\n"
                + ")", blocks.toString());
        assertEquals("ModuleList()", new ModuleList().toString());
        assertEquals("Sequential()", new Sequential().toString());
    }

    @Test
    void containersInsideModelsUseTheirOwnPrinting() {
        ModuleDict dict = new ModuleDict().put("a", new ReLU()).put("b", new ModuleList(new Tanh(), new Tanh()));
        assertEquals("ModuleDict(\n"
                + "  (a): ReLU()\n"
                + "  (b): ModuleList(\n"
                + "    (0-1): 2 x Tanh()\n"
                + "  )\n"
                + ")", dict.toString());
    }
}
