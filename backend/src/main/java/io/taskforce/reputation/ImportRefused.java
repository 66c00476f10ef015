package io.taskforce.reputation;

/** A CSV import refused as a whole: the line of the file at fault (1 is the header) and why, in plain words. */
final class ImportRefused extends RuntimeException {

    private final int line;

    ImportRefused(int line, String reason) {
        super(reason);
        this.line = line;
    }

    int line() {
        return line;
    }
}
