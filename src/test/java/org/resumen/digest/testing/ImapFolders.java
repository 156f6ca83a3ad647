package org.resumen.digest.testing;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** What a test IMAP server (GreenMail on 127.0.0.1) holds, read as a mail client would. */
public final class ImapFolders {
    private ImapFolders() {
    }

    /** The subjects of the messages in {@code folder} of that user's mailbox, in mailbox order. */
    public static List<String> subjects(int port, String user, String password, String folder) throws MessagingException {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", port, user, password);
            Folder open = store.getFolder(folder);
            open.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : open.getMessages()) {
                subjects.add(message.getSubject());
            }
            open.close(false);
            return subjects;
        }
    }
}
