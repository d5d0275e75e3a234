package dev.nabla.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each introduction example runs and shows what it teaches. */
class IntroductionExamplesTest {
    private static final Pattern EPOCH = Pattern.compile("Epoch:(\\d+) , Loss:(\\d+\\.\\d{4})");

    static String run(String name, Options options) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Launcher.find(name).run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static List<Double> losses(String output) {
        List<Double> losses = new ArrayList<>();
        Matcher m = EPOCH.matcher(output);
        while (m.find()) {
            assertEquals(losses.size(), Integer.parseInt(m.group(1)), "epochs are numbered from 0");
            losses.add(Double.parseDouble(m.group(2)));
        }
        return losses;
    }

    @Test
    void tensorBasicsShowsEveryStepOfThePage() throws Exception {
        String out = run("tensor-basics", Options.defaults());
        for (String step : new String[] {"torch.range(2, 8, 1)", "torch.clamp(a, -0.1, 0.1)", "torch.mm(c, d)",
                "torch.mv(e, f)"}) {
            assertTrue(out.contains(">>> " + step), "missing step " + step);
        }
        assertTrue(out.contains("tensor([2., 3., 4., 5., 6., 7., 8.])"), out);
    }

    @Test
    void manualTwoLayerNetworkLearns() throws Exception {
        // At the tutorial's learning rate the loss overshoots in the first epochs before it falls, in PyTorch too.
        List<Double> losses = losses(run("two-layer-manual", Options.defaults()));
        assertEquals(20, losses.size());
        double first = losses.get(0);
        double last = losses.get(losses.size() - 1);
        assertTrue(last < 0.05 * first, "20 epochs should cut the loss by 95%: " + losses);
        for (int i = losses.size() - 10; i < losses.size(); i++) {
            assertTrue(losses.get(i) < losses.get(i - 1), "loss rose at epoch " + i + ": " + losses);
        }
    }

    @Test
    void manualAutogradAndModuleVariantsPrintTheSameLosses() throws Exception {
        Options options = Options.defaults().with("epochs", 6);
        List<Double> manual = losses(run("two-layer-manual", options));
        List<Double> autograd = losses(run("two-layer-autograd", options));
        List<Double> module = losses(run("two-layer-module", options));
        assertEquals(6, manual.size());
        for (int i = 0; i < manual.size(); i++) {
            assertEquals(manual.get(i), autograd.get(i), 1e-5 * manual.get(i), "autograd, epoch " + i);
            assertEquals(manual.get(i), module.get(i), 1e-5 * manual.get(i), "module, epoch " + i);
        }
    }

    @Test
    void theIdiomaticNnVersionLearns() throws Exception {
        String out = run("two-layer-nn", Options.defaults());
        assertTrue(out.startsWith("Sequential(\n  (0): Linear(in_features=1000, out_features=100, bias=True)"), out);
        List<Double> losses = losses(out);
        assertEquals(20, losses.size());
        for (int i = 1; i < losses.size(); i++) {
            assertTrue(losses.get(i) < losses.get(i - 1), "loss rose at epoch " + i + ": " + losses);
        }
    }

    @Test
    void theSameSeedPrintsTheSameNumbers() throws Exception {
        Options options = Options.defaults().with("epochs", 2).with("seed", 7);
        assertEquals(run("two-layer-manual", options), run("two-layer-manual", options));
    }
}
