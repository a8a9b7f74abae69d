/* newsdex/export.h: marks what the shared library exports.
 *
 * newsdex is built with hidden symbols by default (-fvisibility=hidden); every public class and
 * function carries NEWSDEX_EXPORT, so the shared library exports its API and nothing else, and
 * internal code can change without breaking hosts. Usable from C and C++.
 *
 *   class NEWSDEX_EXPORT Index { ... };
 *   NEWSDEX_EXPORT std::string derive_id(std::string_view body);
 *
 * A nested class takes the visibility of the class around it, so the library defines the Impl
 * of an exported class as `struct [[gnu::visibility("hidden")]] Index::Impl { ... };`.
 */
#ifndef NEWSDEX_EXPORT_H
#define NEWSDEX_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define NEWSDEX_EXPORT __attribute__((visibility("default")))
#else
#define NEWSDEX_EXPORT
#endif

#endif /* NEWSDEX_EXPORT_H */
