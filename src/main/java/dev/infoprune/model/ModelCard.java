package dev.infoprune.model;

/**
 * Where a model came from: the data set and split it was trained on, the seed, the epochs and what it
 * scored on the test split. Every field may be null for models imported from elsewhere.
 */
public record ModelCard(String dataset, Long seed, Integer epochs, Double testAccuracy, Double testLoss,
                        String architecture, String notes) {
    public static final ModelCard EMPTY = new ModelCard(null, null, null, null, null, null, null);

    public ModelCard withTestResult(double accuracy, double loss) {
        return new ModelCard(dataset, seed, epochs, accuracy, loss, architecture, notes);
    }

    public ModelCard withNotes(String newNotes) {
        return new ModelCard(dataset, seed, epochs, testAccuracy, testLoss, architecture, newNotes);
    }
}
