# -DAMLFW_SANITIZE=ON: AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer on
# every target, and the options the tests run with (AMLFW_SANITIZER_ENVIRONMENT).
# -DAMLFW_FUZZ=ON (clang): the same, plus libFuzzer coverage, for the targets in tests/fuzz.
option(AMLFW_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(AMLFW_FUZZ "Build the fuzz targets with libFuzzer (clang)" OFF)

# For a test defined in the calling directory: runs it with the sanitizer options, and after the
# reports directory was emptied (the fixture below). Nothing without sanitizers.
function(amlfw_sanitized_test name)
    if(AMLFW_SANITIZER_ENVIRONMENT)
        set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT ${AMLFW_SANITIZER_ENVIRONMENT})
        set_property(TEST ${name} APPEND PROPERTY FIXTURES_REQUIRED sanitizer-reports)
    endif()
endfunction()

set(AMLFW_SANITIZER_ENVIRONMENT "")
if(NOT AMLFW_SANITIZE AND NOT AMLFW_FUZZ)
    return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "AMLFW_SANITIZE and AMLFW_FUZZ need gcc or clang")
endif()

# Global, not on amlfw_common: moc and resource objects are instrumented too, and a
# half-instrumented binary gives false container-overflow reports.
set(amlfw_sanitizers -fsanitize=address,undefined -fno-sanitize-recover=undefined)
add_compile_options(${amlfw_sanitizers} -fno-omit-frame-pointer)
add_link_options(${amlfw_sanitizers})
if(AMLFW_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "AMLFW_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
    endif()
    # Coverage for every object; only the fuzz targets link libFuzzer's main (tests/fuzz).
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# Third-party leaks at exit (fontconfig, Qt's plugin caches) are suppressed by name in
# tests/sanitizer/lsan.supp; amlfw frames never are. Every report also goes to a file under
# AMLFW_SANITIZER_REPORTS (one per process, <kind>.<pid>), so that one from a child process whose
# exit status a test does not look at (the CLI, a package check) is not lost: CI wants it empty.
set(AMLFW_SANITIZER_REPORTS ${PROJECT_BINARY_DIR}/sanitizer-reports)
file(MAKE_DIRECTORY ${AMLFW_SANITIZER_REPORTS})
set(AMLFW_SANITIZER_ENVIRONMENT
    "ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:strict_init_order=1:detect_stack_use_after_return=1:log_path=${AMLFW_SANITIZER_REPORTS}/asan"
    "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizer/lsan.supp:print_suppressions=0"
    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=${AMLFW_SANITIZER_REPORTS}/ubsan"
)

# The fixture "sanitizer-reports" of every amlfw_sanitized_test: its setup empties the reports
# directory, its cleanup (after the last test) fails, showing them, when any process of the suite
# wrote a report.
if(AMLFW_SANITIZER_ENVIRONMENT AND (AMLFW_BUILD_TESTS OR AMLFW_FUZZ))
    enable_testing()
    set(script ${PROJECT_SOURCE_DIR}/tests/sanitizer/reports.cmake)
    add_test(NAME sanitizer_reports_clear
        COMMAND ${CMAKE_COMMAND} -DREPORTS=${AMLFW_SANITIZER_REPORTS} -DACTION=clear -P ${script})
    add_test(NAME sanitizer_reports_none
        COMMAND ${CMAKE_COMMAND} -DREPORTS=${AMLFW_SANITIZER_REPORTS} -DACTION=check -P ${script})
    set_tests_properties(sanitizer_reports_clear PROPERTIES FIXTURES_SETUP sanitizer-reports)
    set_tests_properties(sanitizer_reports_none PROPERTIES FIXTURES_CLEANUP sanitizer-reports)
endif()
