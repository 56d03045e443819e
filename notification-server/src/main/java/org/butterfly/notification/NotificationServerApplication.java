package org.butterfly.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The notification server (ARCHITECTURE §1): MD5 sign-in, lists, presence and
 * notifications for MSNP2-MSNP7 clients. It validates the directory's schema at start-up
 * and never migrates it.
 */
@SpringBootApplication
public class NotificationServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotificationServerApplication.class, args);
	}

}
