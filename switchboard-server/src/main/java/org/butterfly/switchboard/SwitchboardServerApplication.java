package org.butterfly.switchboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The switchboard (msnp.md §14): chat rooms opened and joined with signed tickets,
 * invitations, relayed messages. Keeps only live connections in memory; needs no
 * database.
 */
@SpringBootApplication
public class SwitchboardServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(SwitchboardServerApplication.class, args);
	}

}
