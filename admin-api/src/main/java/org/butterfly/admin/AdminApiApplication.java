package org.butterfly.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The admin API (ARCHITECTURE §1): accounts, contact lists, sessions, {@code NOT} alerts
 * and system messages over REST. It persists through the directory, then publishes what
 * live sessions must hear on the cluster bus; it never touches a session itself.
 */
@SpringBootApplication
public class AdminApiApplication {

	public static void main(String[] args) {
		SpringApplication.run(AdminApiApplication.class, args);
	}

}
