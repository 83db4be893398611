// Status propagation without hand-written checks, in the style of cel-cpp's
// CEL_RETURN_IF_ERROR / CEL_ASSIGN_OR_RETURN.
//
//   RETURN_IF_ERROR(expr): evaluates `expr` (an absl::Status) and returns it
//     from the enclosing function when it is not OK.
//   ASSIGN_OR_RETURN(lhs, expr): evaluates `expr` (an absl::StatusOr<T>);
//     returns its status when it is not OK, else moves its value into `lhs`
//     (a declaration such as `std::string text` or an existing variable).
//
// Both work in functions returning absl::Status or absl::StatusOr<U>.
//
// Example:
//   absl::StatusOr<Report> Build(const std::string& path) {
//     ASSIGN_OR_RETURN(std::string text, ReadFile(path));
//     RETURN_IF_ERROR(Validate(text));
//     return Parse(text);
//   }
#ifndef CROSSCHECK_CHECKER_BASE_STATUS_MACROS_H_
#define CROSSCHECK_CHECKER_BASE_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define RETURN_IF_ERROR(expr)                                \
  do {                                                       \
    ::absl::Status crosscheck_status_macro_status_ = (expr); \
    if (!crosscheck_status_macro_status_.ok()) {             \
      return crosscheck_status_macro_status_;                \
    }                                                        \
  } while (false)

#define ASSIGN_OR_RETURN(lhs, expr)  \
  CROSSCHECK_ASSIGN_OR_RETURN_IMPL_( \
      CROSSCHECK_STATUS_MACROS_CONCAT_(crosscheck_statusor_, __LINE__), lhs, expr)

// Implementation details.
#define CROSSCHECK_STATUS_MACROS_CONCAT_INNER_(a, b) a##b
#define CROSSCHECK_STATUS_MACROS_CONCAT_(a, b) CROSSCHECK_STATUS_MACROS_CONCAT_INNER_(a, b)
#define CROSSCHECK_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                      \
  if (!statusor.ok()) return std::move(statusor).status();     \
  lhs = *std::move(statusor)

#endif  // CROSSCHECK_CHECKER_BASE_STATUS_MACROS_H_
