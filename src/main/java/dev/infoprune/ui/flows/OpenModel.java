package dev.infoprune.ui.flows;

import dev.infoprune.model.Network;
import dev.infoprune.ui.network.NetworkViewModel;
import javafx.beans.value.ObservableValue;

/**
 * The model open in the main window, as the tools read it. Only the FX thread writes it.
 *
 * @param network  the network open (null before one is)
 * @param dataSpec the data set chosen for it: a bundled name or a path; "" when none
 * @param view     the network view's state (score shown, selection, units marked removed)
 */
public record OpenModel(ObservableValue<Network> network, ObservableValue<String> dataSpec, NetworkViewModel view) {
}
