package dev.infoprune.ui.teach;

/** What the teach panel says about one thing: a title, the formula (Unicode math) and plain words. */
public record Lesson(String title, String formula, String explanation) {
}
