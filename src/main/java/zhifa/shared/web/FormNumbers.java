package zhifa.shared.web;

import java.math.BigDecimal;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Amounts typed the way the pages show them: "50,000" and "50，000.00" (thousands separators, the pages print amounts
 * with them), " 50000元 " — read as 50000. Anything else that is not a number still fails to bind, and the form comes back
 * with the field marked ({@link PageErrors}).
 */
@Configuration(proxyBeanMethods = false)
class FormNumbers implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, BigDecimal.class, (Converter<String, BigDecimal>) FormNumbers::amount);
	}

	static BigDecimal amount(String text) {
		String s = text.strip();
		if (s.isEmpty()) {
			return null;
		}
		if (s.endsWith("元")) {
			s = s.substring(0, s.length() - 1).strip();
		}
		// a separator only between groups of three digits: "5,0000" is a typing slip, not fifty thousand
		if (s.matches("-?[0-9]{1,3}([,，][0-9]{3})+(\\.[0-9]*)?")) {
			s = s.replaceAll("[,，]", "");
		}
		return new BigDecimal(s);
	}
}
