package org.butterfly.admin.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator console (docs/adr/0602): static files in {@code static/console/}, served
 * by Spring MVC's resource handler at {@code /console/}. This only gives the directory
 * its page, as a web server would.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration implements WebMvcConfigurer {

	/** Where the console lives; its files need no token unless configured otherwise. */
	public static final String PATH = "/console";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController(PATH, PATH + "/");
		registry.addViewController(PATH + "/").setViewName("forward:" + PATH + "/index.html");
	}

}
