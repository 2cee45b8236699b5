package dev.infoprune.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Saves what a scene shows as a PNG in the folder of system property {@code infoprune.screenshots}. */
public final class Screenshots {
    private Screenshots() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("infoprune.screenshots", "target/screenshots"));
    }

    public static Path save(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        Path file = folder().resolve(name + ".png");
        Files.createDirectories(file.getParent());
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write screenshot " + file, e);
        }
        return file;
    }
}
