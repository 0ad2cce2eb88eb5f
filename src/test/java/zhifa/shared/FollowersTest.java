package zhifa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class FollowersTest {

	interface Follower {
	}

	@Test
	void findsTheFollowersAtTheFirstAskAndOnlyThen() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		AtomicInteger asked = new AtomicInteger();
		var provider = beans.getBeanProvider(Follower.class);
		Followers<Follower> followers = new Followers<>(new org.springframework.beans.factory.ObjectProvider<>() {
			@Override
			public Follower getObject() {
				return provider.getObject();
			}

			@Override
			public java.util.stream.Stream<Follower> orderedStream() {
				asked.incrementAndGet();
				return provider.orderedStream();
			}
		});
		Follower a = new Follower() {
		};
		// registered after the one who will follow them was built: found at the first ask
		beans.addBean("a", a);
		assertThat(asked).hasValue(0);
		assertThat(followers.all()).containsExactly(a);
		beans.addBean("b", new Follower() {
		});
		assertThat(followers.all()).containsExactly(a);
		assertThat(asked).hasValue(1);
	}
}
