package dev.infoprune.ui.workbench;

import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** The native file choosers, behind an interface so tests can answer them. */
public interface FileDialogs {
    Optional<Path> chooseModelFolder(Window owner);

    Optional<Path> chooseCsvFile(Window owner);

    Optional<Path> chooseIdxFolder(Window owner);

    FileDialogs NATIVE = new FileDialogs() {
        @Override
        public Optional<Path> chooseModelFolder(Window owner) {
            return folder(owner, "Open a model folder (model.json + weights.npz)");
        }

        @Override
        public Optional<Path> chooseCsvFile(Window owner) {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Open a CSV data set (numeric features, label in the last column)");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv", "*.csv.gz", "*.txt"));
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseIdxFolder(Window owner) {
            return folder(owner, "Open a folder of IDX files (images and labels)");
        }

        private Optional<Path> folder(Window owner, String title) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
        }
    };
}
