package zhifa.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static files, and only they, are resources: {@code /css/**}, {@code /js/**} and the WebJars (version-less paths
 * resolved by the WebJars locator). Spring Boot's default maps {@code /**} to the static locations, so every link a page
 * renders ({@code /cases/123}, {@code /records/…}) was looked up there and the answer kept in the resource chain's
 * unbounded cache: a 10-minute soak showed the heap growing by the number of distinct case pages shown
 * ({@code spring.web.resources.add-mappings=false} turns the default off).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
		registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/").resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}
}
