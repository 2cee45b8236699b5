package dev.infoprune.ui.workbench;

import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** The native file choosers, behind an interface so tests can answer them. */
public interface FileDialogs {
    Optional<Path> chooseModelFolder(Window owner);

    FileDialogs NATIVE = owner -> {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a model folder (model.json + weights.npz)");
        File dir = chooser.showDialog(owner);
        return Optional.ofNullable(dir).map(File::toPath);
    };
}
