package dev.readonce.walker.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void actionFiresOnceAtItsPoint() {
    Schedule schedule = new Schedule();
    List<Long> fired = new ArrayList<>();
    schedule.once(SchedulePoint.WALK_PUD_AFTER_READ, fired::add);
    assertTrue(schedule.hasPending());

    schedule.at(SchedulePoint.WALK_PMD_AFTER_READ, 1);
    schedule.at(SchedulePoint.WALK_PUD_AFTER_READ, 2);
    schedule.at(SchedulePoint.WALK_PUD_AFTER_READ, 3);

    assertEquals(List.of(2L), fired);
    assertFalse(schedule.hasPending());
  }

  @Test
  void addressedActionWaitsForItsAddress() {
    Schedule schedule = new Schedule();
    List<Long> fired = new ArrayList<>();
    schedule.once(SchedulePoint.WALK_PTE_AFTER_READ, 0x3000, fired::add);

    schedule.at(SchedulePoint.WALK_PTE_AFTER_READ, 0x1000);
    schedule.at(SchedulePoint.WALK_PTE_AFTER_READ, 0x3000);

    assertEquals(List.of(0x3000L), fired);
  }

  @Test
  void actionsRegisteredByAnActionFireLater() {
    Schedule schedule = new Schedule();
    List<String> fired = new ArrayList<>();
    schedule.once(
        SchedulePoint.WALK_PUD_AFTER_READ,
        a -> {
          fired.add("first");
          schedule.once(SchedulePoint.WALK_PUD_AFTER_READ, b -> fired.add("second"));
        });

    schedule.at(SchedulePoint.WALK_PUD_AFTER_READ, 0);
    assertEquals(List.of("first"), fired);
    schedule.at(SchedulePoint.WALK_PUD_AFTER_READ, 0);
    assertEquals(List.of("first", "second"), fired);
  }

  @Test
  void tracingRecordsHitsInOrder() {
    Schedule schedule = new Schedule();
    schedule.at(SchedulePoint.WALK_PGD_AFTER_READ, 9); // not tracing: not recorded
    schedule.startTracing();
    schedule.at(SchedulePoint.WALK_PGD_AFTER_READ, 1);
    schedule.at(SchedulePoint.WALK_P4D_AFTER_READ, 2);
    List<Schedule.Hit> hits = schedule.stopTracing();
    schedule.at(SchedulePoint.WALK_PUD_AFTER_READ, 3);

    assertEquals(
        List.of(
            new Schedule.Hit(SchedulePoint.WALK_PGD_AFTER_READ, 1),
            new Schedule.Hit(SchedulePoint.WALK_P4D_AFTER_READ, 2)),
        hits);
  }
}
