package dev.nabla.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MNIST examples at reduced size (500 training digits): they learn, save a checkpoint and a well-formed plot. */
class MnistExamplesTest {
    private static final Pattern EPOCH = Pattern.compile("loss (\\d+\\.\\d{4})  test accuracy (\\d+\\.\\d{2})%");
    private static final Pattern SUGGESTED = Pattern.compile("suggested learning rate: (\\S+) ");

    @TempDir
    Path out;

    private Options small(int epochs) {
        return Options.defaults().with("subset", 500).with("epochs", epochs).with("out", out);
    }

    /** [loss, accuracy] per epoch, from the progress lines. */
    static List<double[]> epochs(String output) {
        List<double[]> rows = new ArrayList<>();
        Matcher m = EPOCH.matcher(output);
        while (m.find()) rows.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        return rows;
    }

    private void assertLearnsAndSaves(String name, int epochs, double accuracyFloor) throws Exception {
        String output = IntroductionExamplesTest.run(name, small(epochs));
        List<double[]> rows = epochs(output);
        assertEquals(epochs, rows.size(), output);
        assertTrue(rows.get(epochs - 1)[0] < rows.get(0)[0], "training loss falls: " + output);
        assertTrue(rows.get(epochs - 1)[1] >= accuracyFloor, "test accuracy below " + accuracyFloor + "%: " + output);
        assertTrue(Files.size(out.resolve(name + ".safetensors")) > 0);
        Path svg = out.resolve(name + "-loss.svg");
        assertEquals("svg", LineChartTest.parse(Files.readString(svg)).getDocumentElement().getTagName());
        assertTrue(output.contains(svg.toAbsolutePath().toString()), "the plot's path is printed");
    }

    @Test
    void theMlpLearnsFromFiveHundredDigits() throws Exception {
        assertLearnsAndSaves("mnist-mlp", 3, 75);
    }

    @Test
    void theCnnLearnsFromFiveHundredDigits() throws Exception {
        assertLearnsAndSaves("mnist-cnn", 3, 75);
    }

    @Test
    void theSameSeedGivesTheSameLossesAndAccuracies() throws Exception {
        List<double[]> a = epochs(IntroductionExamplesTest.run("mnist-mlp", small(1)));
        List<double[]> b = epochs(IntroductionExamplesTest.run("mnist-mlp", small(1)));
        assertEquals(a.get(0)[0], b.get(0)[0]);
        assertEquals(a.get(0)[1], b.get(0)[1]);
    }

    @Test
    void theLearningRateFinderSuggestsARateAndPlotsTheCurve() throws Exception {
        String output = IntroductionExamplesTest.run("lr-finder", small(1));
        Matcher m = SUGGESTED.matcher(output);
        assertTrue(m.find(), output);
        double lr = Double.parseDouble(m.group(1));
        assertTrue(lr > 1e-5 && lr < 1, "a sensible rate for Adam on MNIST: " + lr);
        Path svg = out.resolve("lr-finder.svg");
        assertEquals("svg", LineChartTest.parse(Files.readString(svg)).getDocumentElement().getTagName());
    }
}
