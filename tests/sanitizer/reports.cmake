# cmake -DREPORTS=DIR -DACTION=clear|check -P reports.cmake
# clear: empties DIR before the suite. check: fails, printing them, when the suite's processes
# wrote AddressSanitizer, LeakSanitizer or UndefinedBehaviorSanitizer reports into DIR.
if(ACTION STREQUAL "clear")
    file(REMOVE_RECURSE ${REPORTS})
    file(MAKE_DIRECTORY ${REPORTS})
    return()
endif()
file(GLOB reports ${REPORTS}/*)
if(NOT reports)
    message(STATUS "no sanitizer reports")
    return()
endif()
list(LENGTH reports count)
foreach(report IN LISTS reports)
    file(READ ${report} text)
    message("===== ${report}\n${text}")
endforeach()
message(FATAL_ERROR "${count} sanitizer report(s) in ${REPORTS}")
