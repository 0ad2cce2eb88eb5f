package zhifa.casework;

import java.util.List;

/** A module's timer types, registered with the kernel's timers by being a Spring bean. */
public interface TimerTypes {

	List<? extends TimerType> timerTypes();
}
