package org.butterfly.directorytest.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application with its own JPA entities and repositories that also uses the directory.
 */
@SpringBootApplication
public class NoteApplication {

}
