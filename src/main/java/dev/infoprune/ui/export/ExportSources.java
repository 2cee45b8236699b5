package dev.infoprune.ui.export;

import dev.infoprune.study.ExperimentResult;
import javafx.scene.Node;

/** Where the export dialog finds what it writes besides the shared flow state. Called on the FX thread. */
public interface ExportSources {
    /** The last comparison, or null. */
    ExperimentResult comparison();

    /** The view on screen now (the selected tab's content). */
    Node currentView();
}
