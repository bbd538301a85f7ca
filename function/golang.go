package function

// goGen generates the go driver.
// TODO(driver): being written; until then it reports ErrNoDriver.
type goGen struct{}

func (goGen) Starter(sig *Signature) (string, error) { return "", ErrNoDriver }

func (goGen) Program(sig *Signature, user []byte) (*Program, error) { return nil, ErrNoDriver }
