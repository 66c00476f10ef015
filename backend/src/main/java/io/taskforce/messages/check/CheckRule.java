package io.taskforce.messages.check;

import java.util.Optional;

/** One rule of the message check: plain code, no I/O, French and English. */
interface CheckRule {

    Optional<CheckWarning> check(CheckedText text);
}
