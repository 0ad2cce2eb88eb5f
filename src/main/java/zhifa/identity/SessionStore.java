package zhifa.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL (Spring Session JDBC, tables {@code spring_session} and {@code spring_session_attributes} of
 * V87): any node serves any signed-in user, and a restart signs nobody out. Attributes are written with an upsert, so
 * two requests of one session that both create the same attribute (the CSRF token of a page that loads several parts
 * at once) do not fail on the second insert.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}
}
