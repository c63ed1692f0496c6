//! The beat of the spinner while a check runs.
//!
//! tokio's interval replays every tick it missed at once (its default
//! `Burst`), and the loop polls it only while a check runs: after a quiet
//! half minute the first check would redraw hundreds of times in a row.
//! Ticks missed while nothing spins are dropped, and a new run starts a
//! fresh beat.

use std::time::Duration;

use tokio::time::{Interval, MissedTickBehavior};

pub struct Spinner {
    beat: Interval,
    was_running: bool,
}

impl Spinner {
    pub fn new(period: Duration) -> Spinner {
        let mut beat = tokio::time::interval(period);
        beat.set_missed_tick_behavior(MissedTickBehavior::Skip);
        Spinner {
            beat,
            was_running: false,
        }
    }

    /// Called before each wait: a run that starts now begins one period
    /// from now, whatever the beat did while idle.
    pub fn running(&mut self, running: bool) {
        if running && !self.was_running {
            self.beat.reset();
        }
        self.was_running = running;
    }

    pub async fn tick(&mut self) {
        self.beat.tick().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ticks that arrive within `window` of paused time.
    async fn ticks_within(s: &mut Spinner, window: Duration) -> usize {
        let mut n = 0;
        let until = tokio::time::Instant::now() + window;
        while tokio::time::timeout_at(until, s.tick()).await.is_ok() {
            n += 1;
        }
        n
    }

    #[tokio::test(start_paused = true)]
    async fn a_check_after_a_long_idle_gives_one_tick_not_a_burst() {
        let period = Duration::from_millis(120);
        let mut s = Spinner::new(period);
        s.running(true);
        assert!(ticks_within(&mut s, period * 2).await <= 2);
        s.running(false);
        tokio::time::advance(Duration::from_secs(30)).await;
        s.running(true);
        assert_eq!(ticks_within(&mut s, period).await, 1);
    }

    #[tokio::test(start_paused = true)]
    async fn a_running_check_ticks_once_a_period() {
        let period = Duration::from_millis(120);
        let mut s = Spinner::new(period);
        s.running(true);
        s.tick().await; // the first tick of a fresh interval is immediate
        assert_eq!(ticks_within(&mut s, period * 10).await, 10);
    }
}
