/**
 * The column headings of a year-by-year table. The planner's table and the printed report's use
 * the same words, so a student can match the paper to the screen.
 */
interface YearTableHeadProps {
  /** The likely range's percentiles, e.g. "25th–75th percentile". */
  bandRange: string;
  /** The class of the small second line under a heading (the screen and the paper style it apart). */
  noteClassName: string;
}

export function YearTableHead({ bandRange, noteClassName }: YearTableHeadProps) {
  return (
    <thead>
      <tr>
        <th scope="col">Year</th>
        <th scope="col">Role</th>
        <th scope="col" className="num">
          Salary
        </th>
        <th scope="col" className="num">
          Likely range
          <span className={noteClassName}>{bandRange}</span>
        </th>
        <th scope="col" className="num">
          Costs
        </th>
        <th scope="col" className="num">
          Earned so far
          <span className={noteClassName}>after costs</span>
        </th>
      </tr>
    </thead>
  );
}
