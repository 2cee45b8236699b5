package dev.infoprune.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Saves one node as a PNG next to the screenshots, whole even when a scroll pane shows only part of it. */
public final class NodeSnapshots {
    private NodeSnapshots() {
    }

    public static Path save(Node node, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.WHITE);
            return node.snapshot(p, null);
        }).get(30, TimeUnit.SECONDS);
        Path file = Screenshots.folder().resolve(name + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }
}
