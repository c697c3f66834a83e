/** Where the build reports what it does; tests pass a silent one. */
export interface BuildLog {
  /** A line of ordinary progress. */
  info(line: string): void
  /** A problem with an input: a broken file, a registry row, an error finding. */
  problem(line: string): void
  /** Files parsed so far in a district (redrawn in place on a terminal). */
  progress(district: string, done: number, total: number): void
}

/** Logs to the terminal: progress redrawn on one line when stdout is a TTY, every 10 % otherwise. */
export function terminalLog(): BuildLog {
  const tty = process.stdout.isTTY === true
  let open = false
  const endLine = () => {
    if (open) process.stdout.write('\n')
    open = false
  }
  return {
    info(line) {
      endLine()
      console.log(line)
    },
    problem(line) {
      endLine()
      console.error(line)
    },
    progress(district, done, total) {
      const text = `  ${district}: ${done}/${total} files parsed`
      if (tty) {
        process.stdout.write(`\r${text}`)
        open = done < total
        if (!open) process.stdout.write('\n')
      } else if (done === total || done % Math.max(1, Math.ceil(total / 10)) === 0) {
        console.log(text)
      }
    },
  }
}

/** A log that keeps lines in memory (tests read `problems`). */
export function memoryLog(): BuildLog & { lines: string[]; problems: string[] } {
  const lines: string[] = []
  const problems: string[] = []
  return { lines, problems, info: (l) => void lines.push(l), problem: (l) => void problems.push(l), progress: () => {} }
}
