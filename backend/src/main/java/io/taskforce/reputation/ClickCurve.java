package io.taskforce.reputation;

/**
 * The share of clicks a search result gets by its position: what weighs each position in the negative visibility.
 *
 * <p>Source: Backlinko and ClickFlow, "We Analyzed 5 Million Google Search Results. Here's What We Learned About
 * Organic Click Through Rate" (2019, 874,929 pages and 5,079,491 queries of Google Search Console data),
 * https://backlinko.com/google-ctr-stats. Positions 1 to 10: 31.73, 24.71, 18.66, 13.60, 9.51, 6.23, 4.15, 3.12,
 * 2.97 and 3.09 percent. The study gives page two only as a whole ("0.78% of searchers clicked on something from the
 * second page"), so positions 11 to 20 share 0.78% equally. Only the ratios matter here: the metric divides by the
 * weight of the positions present, so any curve of the same shape gives the same answer.</p>
 */
final class ClickCurve {

    private static final double[] PAGE_ONE = {31.73, 24.71, 18.66, 13.60, 9.51, 6.23, 4.15, 3.12, 2.97, 3.09};
    private static final double PAGE_TWO_EACH = 0.78 / 10;

    private ClickCurve() {
    }

    /** The expected share of clicks, in percent, at a position from 1 to 20. */
    static double weight(int position) {
        if (position < 1 || position > 20) {
            throw new IllegalArgumentException("position must be between 1 and 20, was " + position);
        }
        return position <= 10 ? PAGE_ONE[position - 1] : PAGE_TWO_EACH;
    }
}
