#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| praxis_tls_fuzz::answers(data));
