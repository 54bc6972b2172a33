// Reading one input of any supported kind: a plain or compressed file, or an archive whose
// members are read in turn by their own names (internal).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "nsearch/article_reader.hpp"
#include "read/field_mapping.hpp"
#include "read/input_format.hpp"
#include "read/skip_reasons.hpp"

namespace nsearch {

class ArchiveReader;
class ByteSource;
class ExpansionGuard;
class InputFile;

class InputDispatcher {
 public:
  using Emit = std::function<void(Article&&)>;
  using Warn = std::function<void(const std::string& location, const std::string& message)>;

  /// `options` and `mapper` must outlive the dispatcher; counts go to `report`.
  InputDispatcher(const ReadOptions& options, const FieldMapper& mapper, ReadReport& report,
                  Emit emit, Warn warn);

  /// Reads one file. Its format comes from its name (see format_of), else, when it was named
  /// explicitly, from its content (see sniff_format); archives are recognised by content.
  /// Files found in folders with an unknown type, and documentation files, are passed over.
  void read_file(const std::filesystem::path& path, bool named_explicitly);

 private:
  // One opened file or member: a single stream or an archive (positioned on its first member).
  void read_opened(ArchiveReader& reader, InputFormat by_name, const std::string& display,
                   ExpansionGuard& guard, int depth, bool named_explicitly);
  void read_members(ArchiveReader& archive, const std::string& display, ExpansionGuard& guard,
                    int depth);
  void read_member(ByteSource& data, const std::string& name, const std::string& display,
                   ExpansionGuard& guard, int depth);
  void read_stream(InputFile& input, InputFormat format, const std::string& display);
  void reject(const std::string& location, SkipReason reason, const std::string& message);

  const ReadOptions& options_;
  const FieldMapper& mapper_;
  ReadReport& report_;
  Emit emit_;
  Warn warn_;
};

}  // namespace nsearch
