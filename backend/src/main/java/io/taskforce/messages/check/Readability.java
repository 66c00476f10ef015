package io.taskforce.messages.check;

import java.util.regex.Pattern;

/**
 * Reading-ease scores, higher is easier (about 60 and above reads easily for the general public, below 50 is
 * difficult): Flesch (1948) for English, 206.835 − 1.015 × words per sentence − 84.6 × syllables per word; its
 * French adaptation by Kandel and Moles (1958), 207 − 1.015 × words per sentence − 73.6 × syllables per word.
 * Syllables are counted as groups of vowels, less a silent final e: an approximation, good enough to tell a plain
 * text from a dense one.
 */
final class Readability {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;:]+|\\n\\s*\\n");
    private static final Pattern WORD = Pattern.compile("[\\p{L}'’-]+");
    private static final Pattern VOWELS_FR = Pattern.compile("[aeiouyàâäéèêëîïôöùûüœæ]+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern VOWELS_EN = Pattern.compile("[aeiouy]+", Pattern.CASE_INSENSITIVE);

    private Readability() {
    }

    record Score(double value, int words, int sentences) {
    }

    static Score score(String text, String language) {
        int sentences = 0;
        for (var part : SENTENCE_END.split(text)) {
            if (WORD.matcher(part).find()) {
                sentences++;
            }
        }
        int words = 0;
        int syllables = 0;
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            words++;
            syllables += syllables(matcher.group(), language);
        }
        if (words == 0) {
            return new Score(100, 0, 0);
        }
        double perSentence = (double) words / Math.max(1, sentences);
        double perWord = (double) syllables / words;
        double value = "fr".equals(language)
                ? 207 - 1.015 * perSentence - 73.6 * perWord
                : 206.835 - 1.015 * perSentence - 84.6 * perWord;
        return new Score(value, words, Math.max(1, sentences));
    }

    static int syllables(String word, String language) {
        var lower = word.toLowerCase(java.util.Locale.ROOT);
        var vowels = ("fr".equals(language) ? VOWELS_FR : VOWELS_EN).matcher(lower);
        int groups = 0;
        while (vowels.find()) {
            groups++;
        }
        String stem = lower.endsWith("es") && "fr".equals(language) ? lower.substring(0, lower.length() - 1) : lower;
        // a final e after a consonant is silent ("house", "équipes"); after a vowel it is not ("données"), nor in -le
        boolean silentE = stem.length() >= 3 && stem.endsWith("e") && !stem.endsWith("le")
                && !isVowel(stem.charAt(stem.length() - 2));
        if (silentE && groups > 1) {
            groups--;
        }
        return Math.max(1, groups);
    }

    private static boolean isVowel(char c) {
        return "aeiouyàâäéèêëîïôöùûüœæ".indexOf(c) >= 0;
    }
}
