package dev.infoprune.ui.workbench;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** The native file choosers, behind an interface so tests can answer them (a chooser not answered: cancelled). */
public interface FileDialogs {
    /** A model file: an {@code .onnx} file or a model folder's {@code model.json}. */
    default Optional<Path> chooseModelFile(Window owner) {
        return Optional.empty();
    }

    default Optional<Path> chooseModelFolder(Window owner) {
        return Optional.empty();
    }

    default Optional<Path> chooseCsvFile(Window owner) {
        return Optional.empty();
    }

    default Optional<Path> chooseIdxFolder(Window owner) {
        return Optional.empty();
    }

    /** A session file to open. */
    default Optional<Path> chooseSessionToOpen(Window owner) {
        return Optional.empty();
    }

    /** Where to save a session ({@code suggested} is the current file or a name). */
    default Optional<Path> chooseSessionToSave(Window owner, Path suggested) {
        return Optional.empty();
    }

    FileDialogs NATIVE = new FileDialogs() {
        @Override
        public Optional<Path> chooseModelFile(Window owner) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a model: an ONNX file, or the model.json of a model folder");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Models (*.onnx, model.json)", "*.onnx", "model.json"),
                    new FileChooser.ExtensionFilter("ONNX", "*.onnx"),
                    new FileChooser.ExtensionFilter("InfoPrune model folder (model.json)", "model.json"));
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseModelFolder(Window owner) {
            return folder(owner, "Open a model folder (model.json + weights.npz)");
        }

        @Override
        public Optional<Path> chooseCsvFile(Window owner) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a CSV data set (numeric features, label in the last column)");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.csv.gz", "*.txt"));
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseIdxFolder(Window owner) {
            return folder(owner, "Open a folder of IDX files (images and labels)");
        }

        @Override
        public Optional<Path> chooseSessionToOpen(Window owner) {
            FileChooser chooser = sessionChooser("Open a session");
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseSessionToSave(Window owner, Path suggested) {
            FileChooser chooser = sessionChooser("Save the session");
            if (suggested != null) {
                if (suggested.getParent() != null) {
                    chooser.setInitialDirectory(suggested.getParent().toFile());
                }
                chooser.setInitialFileName(suggested.getFileName().toString());
            }
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        }

        private FileChooser sessionChooser(String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("InfoPrune session",
                    "*" + dev.infoprune.workspace.SessionFiles.EXTENSION));
            return chooser;
        }

        private Optional<Path> folder(Window owner, String title) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
        }
    };
}
