package io.taskforce.notify

import io.taskforce.support.TestServices
import jakarta.mail.internet.MimeMessage
import jakarta.mail.internet.MimeMultipart

/** What the test SMTP server received, read the way a person's mail client would. */
final class Mailbox {

    private Mailbox() {}

    static List<MimeMessage> to(String address, String subjectContains) {
        TestServices.mail().receivedMessages.findAll { MimeMessage m ->
            m.allRecipients*.toString().contains(address) && m.subject?.contains(subjectContains)
        }
    }

    /** The text/plain and text/html parts of a mail. */
    static Map<String, String> parts(MimeMessage message) {
        def multipart = message.content as MimeMultipart
        (0..<multipart.count).collectEntries { int i ->
            def part = multipart.getBodyPart(i)
            [(part.contentType.split(';')[0].trim().toLowerCase()): part.content as String]
        }
    }
}
