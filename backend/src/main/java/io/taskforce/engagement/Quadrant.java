package io.taskforce.engagement;

/**
 * Where a stakeholder sits on the power/interest grid (Mendelow). Power and interest run from 1 to 5; 3 and above
 * counts as high, so a stakeholder in the middle is informed rather than only watched: in a crisis, informing one
 * group too many costs less than forgetting one.
 */
public enum Quadrant {
    MANAGE_CLOSELY, KEEP_SATISFIED, KEEP_INFORMED, MONITOR;

    static final int HIGH = 3;

    static Quadrant of(int power, int interest) {
        if (power < 1 || power > 5 || interest < 1 || interest > 5) {
            throw new IllegalArgumentException("power and interest run from 1 to 5");
        }
        boolean powerful = power >= HIGH;
        boolean interested = interest >= HIGH;
        if (powerful) {
            return interested ? MANAGE_CLOSELY : KEEP_SATISFIED;
        }
        return interested ? KEEP_INFORMED : MONITOR;
    }
}
