package io.taskforce.notify;

import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends one e-mail over SMTP (Jakarta Mail, Eclipse Angus): plain text and HTML alternatives, UTF-8. */
@Singleton
class Mailer {

    private final NotifySettings settings;
    private final Session session;

    Mailer(NotifySettings settings) {
        this.settings = settings;
        var props = new Properties();
        props.put("mail.smtp.host", settings.smtpHost() == null ? "localhost" : settings.smtpHost());
        props.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        props.put("mail.smtp.starttls.enable", String.valueOf(settings.smtpStarttls()));
        props.put("mail.smtp.starttls.required", String.valueOf(settings.smtpStarttls()));
        props.put("mail.smtp.auth", String.valueOf(authenticates(settings)));
        this.session = Session.getInstance(props);
    }

    /** An empty SMTP_USERNAME (the default) means an open relay, as in local runs and tests. */
    private static boolean authenticates(NotifySettings settings) {
        return settings.smtpUsername() != null && !settings.smtpUsername().isBlank();
    }

    boolean configured() {
        return settings.smtpHost() != null && !settings.smtpHost().isBlank();
    }

    void send(String to, EmailTemplates.Email email) throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.mailFrom()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        var text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name());
        var html = new MimeBodyPart();
        html.setContent(email.html(), "text/html; charset=UTF-8");
        var alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        if (authenticates(settings)) {
            Transport.send(message, settings.smtpUsername(), settings.smtpPassword());
        } else {
            Transport.send(message);
        }
    }
}
