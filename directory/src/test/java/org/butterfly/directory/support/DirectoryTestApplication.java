package org.butterfly.directory.support;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A bare application around the directory: only auto-configuration, no component scan, so
 * the directory's own auto-configuration must find its entities and repositories.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class DirectoryTestApplication {

	@Bean
	MutableClock clock() {
		return new MutableClock();
	}

}
