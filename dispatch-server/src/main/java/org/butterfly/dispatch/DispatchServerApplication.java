package org.butterfly.dispatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The dispatch server (msnp.md §4): negotiates the dialect and refers every client to a
 * notification server. Stateless; needs no database.
 */
@SpringBootApplication
public class DispatchServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(DispatchServerApplication.class, args);
	}

}
