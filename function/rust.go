package function

// rustGen generates the rust driver.
// TODO(driver): being written; until then it reports ErrNoDriver.
type rustGen struct{}

func (rustGen) Starter(sig *Signature) (string, error) { return "", ErrNoDriver }

func (rustGen) Program(sig *Signature, user []byte) (*Program, error) { return nil, ErrNoDriver }
